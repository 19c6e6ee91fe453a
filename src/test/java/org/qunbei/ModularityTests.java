package org.qunbei;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries of DESIGN.md honest and draws them into docs/modules. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(QunbeiApplication.class);

  @Test
  void modulesOnlyUseEachOthersPublicFaceAndHaveNoCycles() {
    MODULES.verify();
  }

  @Test
  void writeModuleDiagrams() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
  }
}
