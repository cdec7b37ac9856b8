import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM with options that contain {@code =} (which {@code jcmd
 * JVMTI.agent_load} would parse as its own arguments): {@code java LoadAgent.java <pid> <library> <options>}.
 * The benchmarks use it to start and stop async-profiler around a measured window.
 */
public class LoadAgent {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
