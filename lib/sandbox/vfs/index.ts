export { FsError, type FileStat, type FileSystem, type FsErrorCode } from "./types";
export { MemoryFileSystem, DEFAULT_HOME, DEV_NULL, type FileEntry, type MemoryFileSystemOptions } from "./memory";
export { snapshotFiles, restoreFiles, checkFilesSnapshot, filesSnapshotSchema, FILES_FORMAT, FILES_VERSION, type FilesSnapshot } from "./snapshot";
export { resolvePath, dirname, basename, joinPath } from "./paths";
