-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "openedByRecallId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_openedByRecallId_key" ON "Proposal"("openedByRecallId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_openedByRecallId_fkey" FOREIGN KEY ("openedByRecallId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
