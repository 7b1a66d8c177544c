#include "background_process.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace kaiji::bench {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& stdout_path) {
  std::cout.flush();  // the child must not inherit (and print again) buffered output
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot start " + argv.at(0));
  if (pid_ == 0) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (!freopen("/dev/null", "r", stdin)) _exit(127);
    if (!freopen(stdout_path.c_str(), "w", stdout)) _exit(127);
    execvp(args[0], args.data());
    _exit(127);
  }
}

BackgroundProcess::~BackgroundProcess() {
  if (!reaped_) stop(std::chrono::seconds(5));
}

bool BackgroundProcess::running() { return wait_for(std::chrono::milliseconds(0)) == -1 && !reaped_; }

int BackgroundProcess::wait_for(std::chrono::milliseconds patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (!reaped_) {
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_ || done < 0) {
      reaped_ = true;
      exit_code_ = done == pid_ && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return reaped_ ? exit_code_ : -1;
}

int BackgroundProcess::stop(std::chrono::milliseconds grace) {
  if (reaped_) return exit_code_;
  kill(pid_, SIGTERM);
  if (wait_for(grace) == -1 && !reaped_) {
    kill(pid_, SIGKILL);
    wait_for(std::chrono::seconds(5));
  }
  return exit_code_;
}

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("cannot open a socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  const bool bound = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                     getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(fd);
  if (!bound) throw std::runtime_error("cannot find a free port on 127.0.0.1");
  return ntohs(address.sin_port);
}

}  // namespace kaiji::bench
