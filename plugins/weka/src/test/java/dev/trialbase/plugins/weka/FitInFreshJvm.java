package dev.trialbase.plugins.weka;

import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;

/** Run by {@link WekaHomeTest} in a child JVM: one fit through the extension, as the host does. */
final class FitInFreshJvm {

  private FitInFreshJvm() {
  }

  public static void main(String[] args) throws Exception {
    Model model = new WekaLogistic().create(ParamSet.empty());
    model.fit(Blobs.twoClasses(20, 2.0, 1), 0);
    System.out.println(System.getProperty(WekaHome.KEY));
  }
}
