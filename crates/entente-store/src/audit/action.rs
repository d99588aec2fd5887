//! What an audit entry records, as stable snake_case codes.

use std::fmt;
use std::str::FromStr;

macro_rules! audit_actions {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)+) => {
        /// What happened. Codes are stored and exported, so they never change;
        /// new kinds of event add variants.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum AuditAction {
            $($(#[$doc])* $variant,)+
        }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant,)+];

            /// The stable code stored in the log and shown in exports.
            pub fn code(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $code,)+
                }
            }
        }
    };
}

audit_actions! {
    LoginSucceeded => "login_succeeded",
    LoginFailed => "login_failed",
    Logout => "logout",
    /// Every session of a user ended at once.
    LogoutEverywhere => "logout_everywhere",
    PasswordSet => "password_set",
    TotpEnabled => "totp_enabled",
    TotpDisabled => "totp_disabled",
    RecoveryCodeUsed => "recovery_code_used",
    /// New two-factor recovery codes replaced the old ones.
    RecoveryCodesReplaced => "recovery_codes_replaced",
    TokenCreated => "token_created",
    TokenRevoked => "token_revoked",
    UserCreated => "user_created",
    OrganisationCreated => "organisation_created",
    /// An admin changed the organisation's directory entry.
    OrganisationUpdated => "organisation_updated",
    MembershipAdded => "membership_added",
    MembershipChanged => "membership_changed",
    MembershipRemoved => "membership_removed",
    InvitationCreated => "invitation_created",
    InvitationAccepted => "invitation_accepted",
    AllianceCreated => "alliance_created",
    /// An admin of the owner changed the alliance's states and regions.
    AllianceUpdated => "alliance_updated",
    AllianceMemberAdded => "alliance_member_added",
    AllianceMemberRemoved => "alliance_member_removed",
    RecordCreated => "record_created",
    RecordUpdated => "record_updated",
    RecordDeleted => "record_deleted",
    /// A member of another organisation read a record shared with an alliance.
    RecordReadByAlliance => "record_read_by_alliance",
    Export => "export",
    /// Records read from a file, all in one transaction.
    Import => "import",
    /// A user chose how often to get the e-mail digest and in which language.
    NotificationPreferencesChanged => "notification_preferences_changed",
}

impl FromStr for AuditAction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuditAction::ALL
            .iter()
            .copied()
            .find(|a| a.code() == s)
            .ok_or_else(|| format!("{s:?} is not an audit action"))
    }
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
