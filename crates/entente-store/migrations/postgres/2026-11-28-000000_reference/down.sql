DROP TABLE dataset_meta;
DROP TABLE world_map;
DROP TABLE treaty_events;
DROP TABLE sources;
DROP TABLE treaties;
DROP TABLE states;
