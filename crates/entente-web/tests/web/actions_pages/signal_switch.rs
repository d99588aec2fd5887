//! The action form's signal switch: the lead's default, on, off, shown
//! and changed on the edit form, and an unknown value refused.

use entente_core::access::AccessScope;

use super::forms::{count_actions, good_form, problem, with};
use super::{get, send, signed_in, world};
use crate::fixture;
use crate::signin::csrf_field;

#[tokio::test]
async fn the_signal_switch_follows_the_lead_s_default_unless_set() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let site = AccessScope::SiteAdmin(w.eve);
        let eve = signed_in(app, "eve@example.org").await;
        let blank = get(app, &eve, "/actions/new?lang=fr").await;
        assert!(
            blank.body.contains(
                r#"<option value="" selected>Selon le réglage de l’organisation</option>"#
            ),
            "{}",
            blank.body
        );
        let csrf = csrf_field(&blank.body);
        let private = with(&good_form(&csrf), &[("visibility", "private")]);
        let emits = |id: i64| {
            let id = entente_core::plan::ActionId(id);
            app.store.action_signal(&site, id).unwrap().unwrap().emits
        };
        // The new action's id, from where the form sends the browser.
        let create = async |form: &[(&'static str, String)]| {
            let created = send(eve.post(app.url("/actions")).form(form)).await;
            assert_eq!(created.status, 303, "{}", created.body);
            let location = created.headers["location"].to_str().unwrap();
            let digits: String = location["/actions/".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<i64>().unwrap()
        };

        // Left to the default: npm-watch's, whichever it is.
        let lead = app
            .store
            .organisation_by_short_name(&site, "npm-watch")
            .unwrap()
            .unwrap();
        let default = app.store.signal_default(&site, lead.id).unwrap();
        let by_default = create(&with(&private, &[("signal", "")])).await;
        assert_eq!(emits(by_default), default);
        // Set against the default, either way.
        let chosen = if default { "off" } else { "on" };
        let against = create(&with(&private, &[("signal", chosen)])).await;
        assert_eq!(emits(against), !default);

        // The edit form shows the switch as it stands, and changes it.
        let edit = get(app, &eve, &format!("/actions/{against}/edit")).await;
        assert!(
            edit.body
                .contains(&format!(r#"<option value="{chosen}" selected>"#)),
            "{}",
            edit.body
        );
        let other = if default { "on" } else { "off" };
        let saved = send(
            eve.post(app.url(&format!("/actions/{against}/edit")))
                .form(&with(&private, &[("signal", other)])),
        )
        .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert_eq!(emits(against), default);

        // An unknown value is refused beside the field, nothing written.
        let before = count_actions(app, &w);
        let refused = send(
            eve.post(app.url("/actions"))
                .form(&with(&private, &[("signal", "sometimes")])),
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            problem(&refused.body, "signal-problem").is_some(),
            "{}",
            refused.body
        );
        assert_eq!(count_actions(app, &w), before);
    })
    .await;
}
