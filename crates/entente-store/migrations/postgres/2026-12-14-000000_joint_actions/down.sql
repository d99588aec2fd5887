DELETE FROM jobs WHERE kind = 'contact_request';
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check CHECK (kind IN ('digest'));
DROP TABLE joint_proposals;
