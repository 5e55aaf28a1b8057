/* Preloaded into `heard serve` by tests/faults.rs: while the file named by
 * HEARD_TEST_FAIL_SYNC_WHILE exists, every fsync and fdatasync fails with EIO, as on a disk
 * that has gone bad; otherwise they do what they always do. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static int failing(void) {
    const char *when = getenv("HEARD_TEST_FAIL_SYNC_WHILE");
    return when != NULL && access(when, F_OK) == 0;
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (failing()) {
        errno = EIO;
        return -1;
    }
    if (real == NULL) {
        real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    }
    return real(fd);
}

int fsync(int fd) {
    static int (*real)(int);
    if (failing()) {
        errno = EIO;
        return -1;
    }
    if (real == NULL) {
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    }
    return real(fd);
}
