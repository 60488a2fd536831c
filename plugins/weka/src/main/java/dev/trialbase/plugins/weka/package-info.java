/**
 * The Weka plugin: Weka's estimators and Weka's ARFF data format, from one plugin that holds
 * the Weka library once.
 *
 * <p>It provides several extensions: the {@code weka-logistic} estimator
 * ({@link dev.trialbase.plugins.weka.WekaLogistic}, Weka's {@code Logistic} speaking both Weka's
 * and scikit-learn's parameter names, with LIBLINEAR for {@code solver: liblinear}), the
 * generic {@code weka} estimator ({@link dev.trialbase.plugins.weka.WekaEstimator}: any Weka
 * classifier or regressor, its properties read by introspection, optional filters before it)
 * and the {@code arff} data format ({@link dev.trialbase.plugins.weka.ArffFormat}, read by
 * Weka's own loader). {@link dev.trialbase.plugins.weka.WekaData} hands a
 * {@link dev.trialbase.api.Dataset} to Weka without translating a cell, because the API encodes
 * cells as Weka's {@code Instances} do.
 *
 * <p><b>Why one plugin with several extensions, not a Weka-library plugin with dependants.</b>
 * PF4J can let plugins depend on a plugin that only carries Weka, but then Weka's classes are
 * loaded by one plugin's class loader and used from others: Weka finds classes by name
 * (options, {@code forName} of classifiers, filters, kernels and converters, its package
 * manager) through its own loader, which cannot see the dependants' classes, and a class
 * reached through two loaders is two classes. One plugin has one class loader, so none of
 * that arises. It also means one artifact to upgrade when Weka changes (no set of plugins
 * whose versions must agree), one {@code WEKA_HOME} set up in one place
 * ({@link dev.trialbase.plugins.weka.WekaHome}), and one thing for users to install or remove.
 * A third party who wants their own Weka-based estimator ships their own plugin with Weka in it.
 */
package dev.trialbase.plugins.weka;
