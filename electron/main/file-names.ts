/**
 * Characters no file system accepts in a file name: the reserved punctuation of Windows and the
 * control characters.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes from file names
export const UNSAFE_FILE_NAME_CHARACTERS = new RegExp('[<>:"/\\\\|?*\\u0000-\\u001f\\u007f]', 'g')
