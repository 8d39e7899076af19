-- DropIndex
DROP INDEX "Tag_userId_idx";

-- DropIndex
DROP INDEX "TaskTag_taskId_idx";
