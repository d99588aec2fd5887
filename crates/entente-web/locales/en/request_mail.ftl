request-mail-subject = Contact request about “{ $subject }”
request-mail-intro = A member of another organisation saw the anonymous signal of { $name }'s action “{ $subject }” and asks to be put in touch:
request-mail-hidden = Who asked is told only to the admin who answers, in Entente. Answering shares their contact details with you and tells them who answered; declining tells them only that.
request-mail-link = Answer or decline the request
