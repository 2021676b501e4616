-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "electorateHash" TEXT;
