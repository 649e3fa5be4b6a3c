/* A stand-in for the frozen app's executables, for build/test_installer.py: a real 64-bit
 * Windows console program that the NSIS installer can install, upgrade and uninstall under wine.
 *
 *   standin.exe --smoke       writes %LOCALAPPDATA%\SupervisionDesk\standin-ran.txt, exits 0
 *   standin.exe --wait N      the same, then keeps running N seconds (an app left open)
 *
 * The file it writes stands for the user's data, which uninstalling must keep.
 * Built with: x86_64-w64-mingw32-gcc -O2 -s -municode -o standin.exe installer_standin.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    wchar_t folder[MAX_PATH], path[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"LOCALAPPDATA", folder, MAX_PATH);
    if (n == 0 || n >= MAX_PATH - 40)
        return 3;
    wcscat(folder, L"\\SupervisionDesk");
    CreateDirectoryW(folder, NULL); /* fails harmlessly when it exists */
    swprintf(path, MAX_PATH, L"%ls\\standin-ran.txt", folder);
    FILE *fh = _wfopen(path, L"a");
    if (fh == NULL)
        return 4;
    fwprintf(fh, L"ran:");
    for (int i = 1; i < argc; i++)
        fwprintf(fh, L" %ls", argv[i]);
    fwprintf(fh, L"\n");
    fclose(fh);
    if (argc >= 3 && wcscmp(argv[1], L"--wait") == 0)
        Sleep((DWORD)_wtoi(argv[2]) * 1000);
    return 0;
}
