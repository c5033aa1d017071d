export { FsError, type FileStat, type FileSystem, type FsErrorCode, type ShellFileSystem, type WritableFile } from "./types";
export { MemoryFileSystem, DEFAULT_HOME, DEV_NULL, DEFAULT_QUOTA, NAME_MAX, PATH_MAX, nameTooLong, type FileEntry, type MemoryFileSystemOptions, type Quota } from "./memory";
export { snapshotFiles, restoreFiles, checkFilesSnapshot, filesSnapshotSchema, FILES_FORMAT, FILES_VERSION, type FilesSnapshot } from "./snapshot";
export { resolvePath, dirname, basename, joinPath } from "./paths";
