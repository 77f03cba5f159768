package io.apex.temporal.perf.cpu;

/**
 * The CPU one load phase cost: the benchmark JVM's (the worker under test and the load generator,
 * and on the embedded target the Java test server too) and, when the benchmark started the server
 * as a separate process, the server's; each in total and per workflow started in the phase. A
 * figure that could not be read is -1.
 */
public record PhaseCpu(
    String phase,
    long workflows,
    double seconds,
    double benchmarkJvmCpuMs,
    double benchmarkJvmCpuMsPerWorkflow,
    double serverCpuMs,
    double serverCpuMsPerWorkflow) {}
