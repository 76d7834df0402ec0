;;; eglot-test.el --- Emacs + eglot as a client of our server over stdio  -*- lexical-binding: t -*-
;; Usage: SERVER=bin/dd-profiler-language-server.js FILE=... OUT=... emacs --batch -Q -l eglot-test.el
(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)

(defvar result nil)
(defvar published nil)
;; Emacs 28 has no dockerfile-mode: define one so eglot derives languageId "dockerfile".
(define-derived-mode dockerfile-mode prog-mode "Dockerfile")
(add-to-list 'auto-mode-alist '("Dockerfile\\'" . dockerfile-mode))
(add-to-list 'eglot-server-programs `(dockerfile-mode . ("node" ,(getenv "SERVER") "--stdio")))
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (and (eq method 'textDocument/publishDiagnostics)
                         (> (length (plist-get params :diagnostics)) 0))
                (setq published params))))

(defun finish (code)
  (with-temp-file (getenv "OUT") (insert (json-encode result)))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs code))

(condition-case err
    (progn
      (find-file (getenv "FILE"))
      (apply #'eglot (eglot--guess-contact))
      (with-timeout (30 (error "timeout waiting for publishDiagnostics"))
        (while (not published) (accept-process-output nil 0.05)))
      (push (cons 'codes (mapcar (lambda (d) (plist-get d :code)) (plist-get published :diagnostics))) result)
      (let* ((resp (jsonrpc-request (eglot-current-server) :textDocument/completion
                                    (list :textDocument (eglot--TextDocumentIdentifier)
                                          :position (list :line 3 :character 10))))
             (items (if (vectorp resp) resp (plist-get resp :items))))
        (push (cons 'completion (mapcar (lambda (i) (plist-get i :label)) items)) result))
      (push (cons 'ok t) result)
      (finish 0))
  (error (push (cons 'ok :json-false) result)
         (push (cons 'error (error-message-string err)) result)
         (finish 1)))
