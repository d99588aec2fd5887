//! The closed vocabularies of NPM monitoring, with their stable codes.

use crate::codes::coded_enum;

coded_enum!(
    /// How a state organised its National Preventive Mechanism.
    NpmModel, "NPM model" {
        /// An existing national human rights institution or ombudsperson.
        NhriOrOmbuds => "nhri_or_ombuds",
        /// A new body set up for the purpose.
        SpecialisedBody => "specialised_body",
        /// Several bodies, each for some places of detention or regions.
        SeveralBodies => "several_bodies",
        /// An ombudsperson working with civil-society organisations ("ombuds plus").
        OmbudsPlusCivilSociety => "ombuds_plus_civil_society",
        Other => "other",
    }
);

coded_enum!(
    /// The OPCAT criteria an NPM is assessed against (Arts. 4, 18-20, 22-23).
    Criterion, "OPCAT criterion" {
        /// Art. 18(1).
        FunctionalIndependence => "functional_independence",
        /// Art. 18(2): the needed expertise, gender balance, minority representation.
        ExpertiseAndDiversity => "expertise_and_diversity",
        /// Art. 18(3).
        Resources => "resources",
        /// Art. 18(4): due regard to the Paris Principles.
        ParisPrinciples => "paris_principles",
        /// Arts. 4 and 19: every place where people are or may be deprived of liberty.
        MandateAllPlaces => "mandate_all_places",
        /// Art. 20(a)-(d): information, places and private interviews.
        Access => "access",
        /// Art. 20(e): free choice of places and persons.
        FreeChoice => "free_choice",
        /// Arts. 19(b) and 22: recommendations examined, dialogue entered.
        RecommendationsAndDialogue => "recommendations_and_dialogue",
        /// Art. 23: the state publishes the annual reports.
        AnnualReportsPublished => "annual_reports_published",
        /// Art. 20(f).
        ContactWithSpt => "contact_with_spt",
    }
);

coded_enum!(
    /// How a criterion is judged to be met.
    Rating, "rating" {
        Meets => "meets",
        Partly => "partly",
        DoesNotMeet => "does_not_meet",
        NotKnown => "not_known",
    }
);

impl Rating {
    /// A judgement was made: anything but `not_known`.
    pub fn is_known(self) -> bool {
        self != Rating::NotKnown
    }
}

coded_enum!(
    /// Who made an assessment.
    Viewpoint, "viewpoint" {
        /// The state's authorities.
        State => "state",
        /// The NPM about itself.
        Npm => "npm",
        /// A civil-society organisation.
        CivilSociety => "civil_society",
        /// The UN Subcommittee on Prevention of Torture.
        Spt => "spt",
    }
);

impl Viewpoint {
    /// Neither the state nor the NPM judging itself: the viewpoints whose
    /// assessment can carry a state to stage 7.
    pub fn is_independent(self) -> bool {
        matches!(self, Viewpoint::CivilSociety | Viewpoint::Spt)
    }
}
