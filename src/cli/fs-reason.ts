/** Why a file system call failed, in the words the command line shows (the code for the rare ones). */
export function fsReason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it no longer exists';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'it is not a folder';
    case 'ELOOP':
      return 'its symbolic links loop';
    case 'EIO':
      return 'an input/output error';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'it is too large to read';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  }
}
