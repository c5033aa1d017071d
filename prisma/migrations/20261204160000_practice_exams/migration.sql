-- CreateTable
CREATE TABLE "PracticeExam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "minutes" INTEGER NOT NULL,
    "deadline" DATETIME NOT NULL,
    "draw" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "flagged" TEXT NOT NULL DEFAULT '[]',
    "submittedAt" DATETIME,
    "report" TEXT
);

-- CreateIndex
CREATE INDEX "PracticeExam_createdAt_idx" ON "PracticeExam"("createdAt");
