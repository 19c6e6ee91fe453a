/**
 * The printed form: the filled 《工作群备案表》 as an A4 PDF laid out like the paper, with the CJK font
 * embedded (subset) from the repository, so it renders the same on any machine.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "approval", "filing", "shared", "system"})
package org.qunbei.documents;
