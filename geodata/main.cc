// geodata: the importer's command line. Everything it does is in cli.h.
#include <iostream>
#include <string>
#include <vector>

#include "geodata/cli.h"

int main(int argc, char** argv) {
  return bokji::geodata::RunCli(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                                std::cerr);
}
