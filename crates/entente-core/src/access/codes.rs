//! The closed vocabularies of access (roles, kinds of organisation,
//! visibilities) and their stable snake_case codes, used in the database,
//! addresses, the API and the CLI.

pub use crate::codes::ParseCodeError;
use crate::codes::coded_enum;

coded_enum!(
    /// A user's role in one organisation, ordered: each role may do what
    /// the ones before it may.
    Role, "role" {
        /// Reads what the organisation owns.
        Viewer => "viewer",
        /// Also creates and changes its records.
        Editor => "editor",
        /// Also manages its settings, members, alliances and sharing of
        /// personal data, and reads its audit log.
        Admin => "admin",
    }
);

coded_enum!(
    /// What an organisation is, among the actors of a campaign.
    OrgKind, "kind of organisation" {
        /// A ministry or other part of a state's executive.
        GovernmentBody => "government_body",
        Parliament => "parliament",
        /// A national human rights institution or an ombudsperson's office.
        Nhri => "nhri",
        NationalNgo => "national_ngo",
        InternationalNgo => "international_ngo",
        /// A regional intergovernmental body (Council of Europe, African
        /// Commission, OAS, ...).
        RegionalBody => "regional_body",
        /// A UN body (OHCHR, the SPT, a treaty body, ...).
        UnBody => "un_body",
        /// A bar or medical association, or another professional body.
        ProfessionalAssociation => "professional_association",
        Academia => "academia",
        Media => "media",
        Donor => "donor",
        /// A state that supports the campaign in other states.
        SupportiveState => "supportive_state",
        Other => "other",
    }
);

coded_enum!(
    /// Who may see a record besides its owner's members.
    Visibility, "visibility" {
        /// Only the owner's members.
        Private => "private",
        /// Also the members of the alliances it is shared with.
        Alliance => "alliance",
        /// Everyone, signed in or not.
        Public => "public",
    }
);

coded_enum!(
    /// What an API token may do on behalf of its user.
    TokenScope, "token scope" {
        /// Reads only, whatever the user's roles.
        Read => "read",
        /// Reads and writes as far as the user's roles allow.
        ReadWrite => "read_write",
    }
);
