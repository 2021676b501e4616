-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "councilId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "chainIndex" BIGINT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_chainIndex_key" ON "AuditEntry"("chainIndex");

-- CreateIndex
CREATE INDEX "AuditEntry_councilId_seq_idx" ON "AuditEntry"("councilId", "seq");
