-- CreateTable
CREATE TABLE "SyncCursor" (
    "userId" UUID NOT NULL,
    "lastEventId" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SyncCursor_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "SyncEvent" (
    "userId" UUID NOT NULL,
    "id" BIGINT NOT NULL,
    "op" VARCHAR(6) NOT NULL,
    "entity" VARCHAR(5) NOT NULL,
    "entityId" VARCHAR(36) NOT NULL,
    "data" JSONB,
    "sessionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncEvent_pkey" PRIMARY KEY ("userId","id")
);

-- CreateIndex
CREATE INDEX "SyncEvent_createdAt_idx" ON "SyncEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "SyncCursor" ADD CONSTRAINT "SyncCursor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncEvent" ADD CONSTRAINT "SyncEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
