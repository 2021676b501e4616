-- DropIndex
DROP INDEX "Membership_councilId_status_idx";

-- CreateIndex
CREATE INDEX "Membership_councilId_status_role_admittedAt_id_idx" ON "Membership"("councilId", "status", "role" DESC, "admittedAt", "id");
