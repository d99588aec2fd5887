DROP TABLE jobs;
DROP TABLE notifications;
DROP TABLE notification_preferences;
