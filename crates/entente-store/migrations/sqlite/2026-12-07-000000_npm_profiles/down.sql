DROP TABLE npm_assessment_alliances;
DROP TABLE npm_assessment_ratings;
DROP TABLE npm_assessments;
DROP TABLE npm_profile_alliances;
DROP TABLE npm_annual_reports;
DROP TABLE npm_profile_bodies;
DROP TABLE npm_profiles;
