#!/usr/bin/env bash
# Write a migration for the schema change since the last commit (offline: `migrate dev` does not
# work with the JavaScript engine). Usage: scripts/new-migration.sh 0003_name
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh 0003_name}
git show HEAD:prisma/schema.prisma > /tmp/schema-before.prisma
mkdir -p "prisma/migrations/$name"
npx prisma migrate diff --from-schema-datamodel /tmp/schema-before.prisma --to-schema-datamodel prisma/schema.prisma --script > "prisma/migrations/$name/migration.sql"
echo "wrote prisma/migrations/$name/migration.sql"
