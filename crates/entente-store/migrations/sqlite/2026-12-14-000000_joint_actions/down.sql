DELETE FROM jobs WHERE kind = 'contact_request';
DROP TABLE joint_proposals;
