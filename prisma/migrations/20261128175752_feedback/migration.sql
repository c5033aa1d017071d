-- CreateTable
CREATE TABLE "Feedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pagePath" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Feedback_pagePath_createdAt_idx" ON "Feedback"("pagePath", "createdAt");

