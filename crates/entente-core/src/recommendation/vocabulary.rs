//! The closed vocabularies of recommendations, with their stable codes.

use crate::codes::coded_enum;

coded_enum!(
    /// Who made the recommendation.
    Body, "recommending body" {
        /// The UN Subcommittee on Prevention of Torture.
        Spt => "spt",
        /// The UN Committee against Torture.
        Cat => "cat",
        /// The Universal Periodic Review of the Human Rights Council.
        Upr => "upr",
        /// The European Committee for the Prevention of Torture.
        Cpt => "cpt",
        /// The Inter-American Commission on Human Rights.
        Iachr => "iachr",
        /// The African Commission on Human and Peoples' Rights.
        Achpr => "achpr",
        /// The state's own National Preventive Mechanism.
        Npm => "npm",
        Other => "other",
    }
);

coded_enum!(
    /// Where the follow-up of a recommendation stands.
    FollowUpStatus, "follow-up status" {
        NotStarted => "not_started",
        InProgress => "in_progress",
        PartlyImplemented => "partly_implemented",
        Implemented => "implemented",
        /// The state declined it.
        NotAccepted => "not_accepted",
    }
);

impl FollowUpStatus {
    /// Still to be pushed: neither implemented nor refused.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            FollowUpStatus::Implemented | FollowUpStatus::NotAccepted
        )
    }
}

coded_enum!(
    /// Who said where a recommendation stands.
    FollowUpKind, "kind of follow-up event" {
        StateReply => "state_reply",
        NgoAssessment => "ngo_assessment",
        NpmAssessment => "npm_assessment",
        /// The recommending body's own assessment (a follow-up report).
        BodyAssessment => "body_assessment",
        Other => "other",
    }
);

coded_enum!(
    /// What a recommendation is about; free tags add to these.
    Theme, "theme" {
        /// Setting up, mandate, independence or resources of the NPM.
        Npm => "npm",
        /// Criminalising torture, ratification, laws.
        LegalFramework => "legal_framework",
        /// Access to a lawyer, a doctor, family; registers.
        Safeguards => "safeguards",
        /// Material conditions of detention, overcrowding.
        Conditions => "conditions",
        /// Investigating and prosecuting ill-treatment.
        Investigation => "investigation",
        Training => "training",
        Complaints => "complaints",
        /// Children, women, migrants, people with disabilities.
        VulnerableGroups => "vulnerable_groups",
        /// Cooperation with the SPT and other bodies.
        Cooperation => "cooperation",
        Other => "other",
    }
);
