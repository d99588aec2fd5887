DROP TABLE contact_requests;
DROP TABLE action_signals;
DROP TABLE organisation_signal_defaults;
