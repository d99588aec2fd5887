DROP TABLE notification_refreshes;
