/* testutil.h: the temporary folder of a unit-test program: made under $ENT_TEST_TMP (the build's
 * test folder, set by ctest) or /tmp, filled with files by the tests, removed at the end.
 * Include after <cmocka.h>. */
#ifndef ENT_TESTUTIL_H
#define ENT_TESTUTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char tu_dir[1024];

/* Makes the folder, named after `prefix`; 0, or -1 on failure (for a cmocka setup). */
static inline int tu_mkdtemp(const char *prefix)
{
    const char *tmp = getenv("ENT_TEST_TMP");
    snprintf(tu_dir, sizeof tu_dir, "%s/%s-XXXXXX", tmp ? tmp : "/tmp", prefix);
    return mkdtemp(tu_dir) ? 0 : -1;
}

/* The path of `name` in the folder (eight kept at once, for argument lists). */
static inline const char *tu_path(const char *name)
{
    static char p[8][2048];
    static int k;
    k = (k + 1) % 8;
    snprintf(p[k], sizeof p[k], "%s/%s", tu_dir, name);
    return p[k];
}

static inline void tu_write(const char *name, const char *data, size_t n)
{
    FILE *f = fopen(tu_path(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static inline void tu_write_str(const char *name, const char *text)
{
    tu_write(name, text, strlen(text));
}

static inline void tu_subdir(const char *name)
{
    mkdir(tu_path(name), 0755);
}

/* Removes path p and, for a folder, all it holds (links are removed, never followed). */
static void tu_remove(const char *p)
{
    struct stat st;
    if (lstat(p, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        DIR *dd = opendir(p);
        struct dirent *e;
        while (dd && (e = readdir(dd))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char q[2048];
            snprintf(q, sizeof q, "%s/%s", p, e->d_name);
            tu_remove(q);
        }
        if (dd) closedir(dd);
    }
    remove(p);
}

/* Removes the folder and all it holds. */
static inline void tu_rmtree(void)
{
    if (tu_dir[0]) tu_remove(tu_dir);
}

#endif
