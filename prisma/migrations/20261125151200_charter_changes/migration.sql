-- Charter changes by vote (issue 5). The join policy moves from Council into the charter, so that
-- it changes only by a passed charter change like every other rule, and existing charters keep the
-- policy of their council. Charter changes need two-thirds unless a charter says otherwise.

-- AlterEnum
ALTER TYPE "ProposalKind" ADD VALUE 'CHARTER_CHANGE';

-- AlterTable
ALTER TABLE "Charter" ADD COLUMN     "charterChangeThreshold" "PassThreshold" NOT NULL DEFAULT 'TWO_THIRDS',
ADD COLUMN     "joinPolicy" "JoinPolicy",
ADD COLUMN     "madeById" TEXT;

-- Every existing version takes the join policy of its council.
UPDATE "Charter" AS c SET "joinPolicy" = k."joinPolicy" FROM "Council" AS k WHERE k.id = c."councilId";
ALTER TABLE "Charter" ALTER COLUMN "joinPolicy" SET NOT NULL;

-- AlterTable
ALTER TABLE "Council" DROP COLUMN "joinPolicy";

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "charterChange" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "Charter_madeById_key" ON "Charter"("madeById");

-- AddForeignKey
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_madeById_fkey" FOREIGN KEY ("madeById") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
