# La page qui demande confirmation avant de supprimer une fiche.
delete-keep = Non, la conserver
