package dev.perfharness.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {
    @Test
    void theCpuModelIsTheFirstModelName() {
        assertThat(MachineInfo.cpuModel(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "model\t\t: 1",
                "model name\t: AMD EPYC 7B13", "processor\t: 1", "model name\t: AMD EPYC 7B13"))).isEqualTo("AMD EPYC 7B13");
    }

    @Test
    void anArmMachineGivesItsHardwareOrCpuPart() {
        assertThat(MachineInfo.cpuModel(List.of("processor\t: 0", "CPU part\t: 0xd0c", "Hardware\t: BCM2835"))).isEqualTo("BCM2835");
        assertThat(MachineInfo.cpuModel(List.of("processor\t: 0", "CPU part\t: 0xd0c"))).isEqualTo("0xd0c");
    }

    @Test
    void noCpuinfoGivesNoModelAndTheRestStillReads() {
        assertThat(MachineInfo.cpuModel(Path.of("/no/such/cpuinfo"))).isNull();
        MachineInfo machine = MachineInfo.current();
        assertThat(machine.cores()).isPositive();
        assertThat(machine.totalMemoryBytes()).isPositive();
        assertThat(machine.osName()).isNotBlank();
    }
}
