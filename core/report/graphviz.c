/* Running Graphviz's dot as a subprocess to turn DOT source into SVG: no
 * shell, a socket for its input (no SIGPIPE when it exits early), a time
 * limit and a size limit on what it prints. */
#define _GNU_SOURCE /* pipe2, SOCK_CLOEXEC */
#include "report/html.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { DOT_SECONDS = 30 };
#define DOT_MAX_OUTPUT ((size_t)64 * 1024 * 1024)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *tn_graphviz_program(void) {
  const char *p = getenv("TUSSEN_DOT");
  if (p && (strcmp(p, "none") == 0 || *p == '\0')) return NULL;
  return p ? p : "dot";
}

/* Child side: stdin from the socket, stdout to the pipe, stderr and every
 * other descriptor closed, then exec. Only async-signal-safe calls. */
static void run_child(const char *prog, int in, int out) {
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0) _exit(127);
  int devnull = open("/dev/null", O_WRONLY);
  if (devnull >= 0) {
    dup2(devnull, 2);
    if (devnull > 2) close(devnull);
  }
  if (in > 2) close(in);
  if (out > 2) close(out);
  char *const argv[] = {(char *)prog, (char *)"-Tsvg", NULL};
  execvp(prog, argv);
  _exit(127);
}

int tn_graphviz_svg(const char *dot, size_t len, tn_buf *svg) {
  const char *prog = tn_graphviz_program();
  if (!prog) return -1;
  int sv[2], pipefd[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
  if (pipe2(pipefd, O_CLOEXEC) != 0) {
    close(sv[0]);
    close(sv[1]);
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(sv[0]);
    close(sv[1]);
    close(pipefd[0]);
    close(pipefd[1]);
    return -1;
  }
  if (pid == 0) run_child(prog, sv[1], pipefd[1]);
  close(sv[1]);
  close(pipefd[1]);
  int to = sv[0], from = pipefd[0];
  fcntl(to, F_SETFL, fcntl(to, F_GETFL) | O_NONBLOCK);
  size_t sent = 0, start = svg->len;
  int ok = 1;
  double deadline = now() + DOT_SECONDS;
  if (len == 0) {
    close(to);
    to = -1;
  }
  /* Write and read at once: dot may print before it has read everything,
   * and a full pipe on either side would otherwise stall both of us. */
  while (from >= 0 && ok) {
    struct pollfd p[2];
    int n = 0;
    p[n].fd = from;
    p[n++].events = POLLIN;
    if (to >= 0) {
      p[n].fd = to;
      p[n++].events = POLLOUT;
    }
    double left = deadline - now();
    if (left <= 0) {
      ok = 0;
      break;
    }
    int r = poll(p, (nfds_t)n, (int)(left * 1000) + 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      ok = 0;
      break;
    }
    if (n == 2 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = send(to, dot + sent, len - sent, MSG_NOSIGNAL);
      if (w > 0) sent += (size_t)w;
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || sent == len) {
        close(to); /* done, or dot stopped reading: it will say by status */
        to = -1;
      }
    }
    if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (tn_buf_reserve(svg, 65536)) {
        ok = 0;
        break;
      }
      ssize_t got = read(from, svg->data + svg->len, 65536);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        if (got < 0) ok = 0;
        close(from);
        from = -1;
        break;
      }
      svg->len += (size_t)got;
      svg->data[svg->len] = '\0';
      if (svg->len - start > DOT_MAX_OUTPUT) ok = 0;
    }
  }
  if (to >= 0) close(to);
  if (from >= 0) close(from);
  int status = 0;
  if (!ok) kill(pid, SIGKILL);
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || sent != len) {
    svg->len = start;
    if (svg->data) svg->data[start] = '\0';
    return -1;
  }
  return 0;
}
