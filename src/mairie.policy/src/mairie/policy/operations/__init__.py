"""Operations on a deployment: backup, restore, storage used by each commune."""
