#ifndef TENSION_COPENBLAS_SHIM_H
#define TENSION_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
