# The page that asks before a record is deleted.
delete-keep = No, keep it
