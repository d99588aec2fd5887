DROP TABLE spt_visit_alliances;
DROP TABLE spt_visits;
DROP TABLE published_spt_reports;
DROP TABLE art17_listings;
DROP TABLE spt_visit_facts;
DROP TABLE npm_statements;
