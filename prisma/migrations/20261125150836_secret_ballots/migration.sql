-- CreateEnum
CREATE TYPE "BallotSecrecy" AS ENUM ('OPEN', 'SECRET', 'AUTHOR_CHOOSES');

-- AlterTable
ALTER TABLE "Charter" ADD COLUMN     "ballotSecrecy" "BallotSecrecy" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "secretBallot" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Participation" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "SealedBallot" (
    "id" UUID NOT NULL,
    "proposalId" TEXT NOT NULL,
    "sealed" BYTEA NOT NULL,

    CONSTRAINT "SealedBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "proposalId" TEXT NOT NULL,
    "tracking" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "choice" "VoteChoice",
    "ranking" TEXT[],

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("proposalId","tracking")
);

-- CreateIndex
CREATE INDEX "SealedBallot_proposalId_idx" ON "SealedBallot"("proposalId");

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_proposalId_userId_fkey" FOREIGN KEY ("proposalId", "userId") REFERENCES "ElectorateEntry"("proposalId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealedBallot" ADD CONSTRAINT "SealedBallot_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
