//! The closed vocabularies of the shared plan, with their stable codes.

use crate::codes::coded_enum;

coded_enum!(
    /// A field of work an organisation brings to a campaign. Alliances that
    /// "span sectors" are measured with these.
    Sector, "sector" {
        TorturePrevention => "torture_prevention",
        /// General human rights work.
        HumanRights => "human_rights",
        /// Lawyers, bar associations, legal aid.
        Legal => "legal",
        /// Doctors, medical associations, forensic work.
        Health => "health",
        /// Prisons, police custody and other places of detention.
        Detention => "detention",
        Children => "children",
        Women => "women",
        Disability => "disability",
        Migration => "migration",
        Other => "other",
    }
);

coded_enum!(
    /// Where an organisation works, or where an action applies pressure.
    Level, "level" {
        International => "international",
        Regional => "regional",
        National => "national",
    }
);

coded_enum!(
    /// The half of the campaign an action serves.
    Phase, "phase" {
        /// Getting a state to sign and ratify (or accede to) OPCAT.
        Ratification => "ratification",
        /// Getting a ratifying state to set up a National Preventive
        /// Mechanism that works.
        Implementation => "implementation",
    }
);

coded_enum!(
    /// Whom an action seeks to move.
    Audience, "target audience" {
        /// The government: foreign affairs, justice, interior.
        Executive => "executive",
        Legislature => "legislature",
        /// The national human rights institution or ombudsperson.
        Nhri => "nhri",
        /// The National Preventive Mechanism.
        Npm => "npm",
        Judiciary => "judiciary",
        /// The general public, through the media or otherwise.
        Public => "public",
        CivilSociety => "civil_society",
        /// A UN body: the SPT, the Committee against Torture, the Human
        /// Rights Council, OHCHR.
        UnBody => "un_body",
        /// A regional body: the European CPT, the Inter-American
        /// Commission, the African Commission.
        RegionalBody => "regional_body",
    }
);

coded_enum!(
    /// Where an action stands. Every change is kept in its history.
    ActionStatus, "action status" {
        Idea => "idea",
        Planned => "planned",
        UnderWay => "under_way",
        Done => "done",
        Cancelled => "cancelled",
    }
);

impl ActionStatus {
    /// Done or cancelled: nothing more is expected of the action.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }
}
