action-field-signal = Anonymous signal
action-form-signal-hint = A private or alliance action can let others see only its kind, audiences, states and month, and ask for contact through Entente. Left to the organisation's default, it follows the setting its admins chose.
action-signal-default = As the organisation's default
action-signal-on = On: emit an anonymous signal
action-signal-off = Off: no signal
action-error-signal-public-action = A public action is seen whole: choose off or the default.
