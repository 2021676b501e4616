-- CreateEnum
CREATE TYPE "FederationWeighting" AS ENUM ('EQUAL', 'MEMBERSHIP');

-- CreateEnum
CREATE TYPE "RoleKind" AS ENUM ('WORK_ROLE', 'FEDERATION_SEAT');

-- CreateEnum
CREATE TYPE "DelegationEnd" AS ENUM ('TERM_ENDED', 'SUPERSEDED', 'RECALLED', 'LEFT_COUNCIL');

-- CreateEnum
CREATE TYPE "FederationMembershipStatus" AS ENUM ('PENDING', 'ACTIVE', 'DECLINED', 'LEFT');

-- AlterEnum
ALTER TYPE "CouncilKind" ADD VALUE 'FEDERATION';

-- AlterEnum
ALTER TYPE "Outcome" ADD VALUE 'ELECTED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ProposalKind" ADD VALUE 'ELECTION';
ALTER TYPE "ProposalKind" ADD VALUE 'RECALL';
ALTER TYPE "ProposalKind" ADD VALUE 'FEDERATION_MOTION';
ALTER TYPE "ProposalKind" ADD VALUE 'MANDATE';

-- AlterTable
ALTER TABLE "Charter" ADD COLUMN     "termLimit" INTEGER,
ADD COLUMN     "weighting" "FederationWeighting" NOT NULL DEFAULT 'EQUAL';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "admitsCouncilId" TEXT,
ADD COLUMN     "byElection" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "delegationId" TEXT,
ADD COLUMN     "parentId" TEXT,
ADD COLUMN     "roleId" TEXT,
ADD COLUMN     "seats" INTEGER;

-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "count" JSONB,
ADD COLUMN     "winners" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "RankedVote" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ranking" TEXT[],
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RankedVote_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "proposalId" TEXT NOT NULL,
    "nomineeId" TEXT NOT NULL,
    "nominatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("proposalId","nomineeId")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RoleKind" NOT NULL,
    "federationId" TEXT,
    "seats" INTEGER NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "electedById" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" "DelegationEnd",

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FederationMembership" (
    "id" TEXT NOT NULL,
    "federationId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "status" "FederationMembershipStatus" NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admittedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "FederationMembership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Role_councilId_name_key" ON "Role"("councilId", "name");

-- CreateIndex
CREATE INDEX "Delegation_roleId_holderId_idx" ON "Delegation"("roleId", "holderId");

-- CreateIndex
CREATE INDEX "Delegation_councilId_endedAt_idx" ON "Delegation"("councilId", "endedAt");

-- CreateIndex
CREATE INDEX "FederationMembership_councilId_idx" ON "FederationMembership"("councilId");

-- CreateIndex
CREATE UNIQUE INDEX "FederationMembership_federationId_councilId_key" ON "FederationMembership"("federationId", "councilId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_parentId_councilId_key" ON "Proposal"("parentId", "councilId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_admitsCouncilId_fkey" FOREIGN KEY ("admitsCouncilId") REFERENCES "Council"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankedVote" ADD CONSTRAINT "RankedVote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankedVote" ADD CONSTRAINT "RankedVote_proposalId_userId_fkey" FOREIGN KEY ("proposalId", "userId") REFERENCES "ElectorateEntry"("proposalId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nomineeId_fkey" FOREIGN KEY ("nomineeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Council"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_electedById_fkey" FOREIGN KEY ("electedById") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FederationMembership" ADD CONSTRAINT "FederationMembership_federationId_fkey" FOREIGN KEY ("federationId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FederationMembership" ADD CONSTRAINT "FederationMembership_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;
