/* Preloaded into `heard serve` by tests/faults.rs: while the file named by
 * HEARD_TEST_FAIL_SYNC_WHILE exists, every fsync and fdatasync fails with EIO, as on a disk
 * that has gone bad; otherwise they do what they always do. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static int sync_unless_failing(const char *name, int fd) {
    const char *when = getenv("HEARD_TEST_FAIL_SYNC_WHILE");
    if (when != NULL && access(when, F_OK) == 0) {
        errno = EIO;
        return -1;
    }
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, name);
    return real(fd);
}

int fdatasync(int fd) { return sync_unless_failing("fdatasync", fd); }

int fsync(int fd) { return sync_unless_failing("fsync", fd); }
