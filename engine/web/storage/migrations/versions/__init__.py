"""One file per revision, each a frozen step: never import the models here, they describe only the newest schema."""
