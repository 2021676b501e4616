-- AlterTable
ALTER TABLE "NotificationCursor" ADD COLUMN     "afterUserId" TEXT;
