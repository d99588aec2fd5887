request-mail-subject = Demande de mise en relation au sujet de « { $subject } »
request-mail-intro = Un membre d’une autre organisation a vu le signal anonyme de l’action « { $subject } » de { $name } et demande une mise en relation :
request-mail-hidden = L’identité de l’auteur n’est communiquée qu’à l’administrateur qui répond, dans Entente. Répondre vous transmet ses coordonnées et lui indique qui a répondu ; refuser lui dit seulement que la demande a été déclinée.
request-mail-link = Répondre à la demande ou la refuser
